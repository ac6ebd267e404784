"""Article texts shared by the dating tests."""

SPILL = """\
Riverton braces for a long week without tap water
By RACHEL DUNMORE | Riverton Ledger
Updated: Feb. 14, 2024 6:12 a.m.

Riverton residents lined up for bottled water again on Tuesday as the estimated size of the solvent spill grew.

Photo: Ben Kowalski / Riverton Ledger
Volunteers hand out cases of water at the Alder County Fairgrounds on Tuesday, Feb. 13.

City officials said the do-not-drink order would stay in place at least through Friday.
"""
