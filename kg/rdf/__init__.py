"""RDF: the quads of a corpus (the claim model mapped to RDF), their Turtle, TriG,
N-Triples and JSON-LD, the SHACL shapes and their engine, and counts."""
