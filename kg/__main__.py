"""``python -m kg`` runs the nnkg command line."""

from kg.cli import main

main()
