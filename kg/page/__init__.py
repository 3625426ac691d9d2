"""The pages: the interactive graph page (its template, CSS and JavaScript inlined) and the
query page of ``nnkg serve``, both without any script but their own."""
