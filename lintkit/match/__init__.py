"""Term lists: YAML lists of regex fragments matched on word boundaries (see `terms`)."""
