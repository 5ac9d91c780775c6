"""The commands behind the command line: `check` (find the files, lint them, report), `rules` and
`explain`. `lintkit.cli` parses the arguments and calls them; nothing else imports this package."""
