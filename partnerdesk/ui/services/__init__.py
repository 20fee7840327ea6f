"""The "Services" page (服务与点单): service records, the fast entry grid, Excel import, resident orders."""
