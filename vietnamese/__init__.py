"""Tiếng Việt: the Vietnamese text rules every part of the site shares.

Pure Python, no Django: folding (case, diacritics, đ → d) and the words both search
engines index (`folding`), sentence case (`case`), the sequences that number
provisions, điểm a, b, c, d, đ…, roman numerals, ordinal words (`enumerations`), the two
tone placements, "hoà"/"hòa" (`tones`), dates
in words, "ngày 31 tháng 3 năm 2017" (`dates`), and numbers as Vietnamese writes
them, "1.234.567,5" and document numbers in running text (`numbers`). The importer,
the documents app, search and the templates import from here; nothing here imports
from them. docs/domain.md ("Vietnamese text") states the rules.
"""
