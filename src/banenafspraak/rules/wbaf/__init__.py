"""The Wet banenafspraak regime (BWBR0051018): one target, inclusiviteitsopslag, banenafspraakbonus, art. 12."""
