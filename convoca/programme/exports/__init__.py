"""The programme in the formats other software reads: frab XML and JSON for schedule apps,
iCalendar for calendars, CSV and XLSX for the secretariat."""
