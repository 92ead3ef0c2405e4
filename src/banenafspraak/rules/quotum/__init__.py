"""The quota levy as the Wfsv has it: art. 34 lid 4–8, 38e–38j, 122n, 122na."""
