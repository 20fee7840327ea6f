"""Pure renderers for spreadsheets: rows in, Workbook or bytes out. They never query the database."""
