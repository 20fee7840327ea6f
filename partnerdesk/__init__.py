"""PartnerDesk 社区合伙人工作台."""

__version__ = "0.1.0"
APP_NAME = "PartnerDesk"
APP_AUTHOR = "PartnerDesk"
