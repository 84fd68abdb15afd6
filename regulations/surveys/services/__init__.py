"""Khảo sát hài lòng: services (submission, index, exports, QR codes, poster)."""
