"""The Funds page (资金): funds, ledger, revenue feedback, donations, project applications, statements."""
