"""Output: write pages into docs/ (never over hand-written ones), the JSON export, the PDF."""

from generator.publish.export import asset_files, exported
from generator.publish.pdf import write_pdf as write_pdf_file
from generator.publish.writer import write_files

__all__ = ["asset_files", "exported", "write_files", "write_pdf_file"]
