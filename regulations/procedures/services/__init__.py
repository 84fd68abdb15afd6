"""Cross-model workflows for thủ tục hành chính (history, legal basis, new versions)."""
