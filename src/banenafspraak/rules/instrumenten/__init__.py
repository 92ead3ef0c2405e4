"""Instruments for employers of people in the target group: LKV, no-riskpolis, loonkostensubsidie,
loondispensatie, jobcoaching, werkvoorzieningen, proefplaatsing. One instrument per module."""
