"""Assets of the interactive page: the pyvis template, its CSS and its JavaScript."""
