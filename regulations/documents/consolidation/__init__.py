"""Hợp nhất văn bản: read an amending document's instructions and apply them to its base.

- targets: a target phrase ("điểm c khoản 1 và khoản 2 Điều 21") → provision paths;
- quotes: the quoted new text (“1. …”) → units with their sub-units;
- instructions: one instruction sentence → typed operations (replace, insert, repeal,
  replace_words, remove_words);
- reader: an amending document's provisions → instructions grouped by amended law;
- apply: operations → the amend service's changes, applied with per-change failures;
- service: the database side (find the base, dry run or draft version).

The parsing modules work on plain text and rows; only `service` touches the database.
"""
