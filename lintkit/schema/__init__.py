"""What a rule file may say, read into typed values: YAML with line numbers (`yamlsrc`), option
fields (`options`), lexicon files (`lexicons`), token vocabularies (`vocab`) and the regulatory
status table (`regtable`). Checks use these types; the loader in `lintkit.rules` fills them."""
