"""Exports of results for people: the spreadsheet (an Excel workbook or CSV)."""
