# \N{...} accepts the aliases of NameAliases.txt (control, abbreviation, correction, figment).
control = "\N{LINE FEED}\N{NULL}\N{DELETE}\N{CHARACTER TABULATION}"
abbreviation = "\N{LF}\N{NBSP}\N{ZWSP}\N{DEL}\N{BOM}"
correction = "\N{KANNADA LETTER LLLA}\N{LATIN CAPITAL LETTER GHA}"
alternate = "\N{BYTE ORDER MARK}\N{ZERO WIDTH NO-BREAK SPACE}"
lowercase = "\N{line feed}\N{nbsp}"
