"""The Qt shell: the only part of PartnerDesk that imports PySide6."""
