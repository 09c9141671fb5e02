"""Baltic Plans: the typed model, loading and validation, and rendering of the site's data."""
