"""The claim network: a build's claims projected onto networkx, the paths and effects
found in it, names resolved to entities, and answers written as text or JSON."""
