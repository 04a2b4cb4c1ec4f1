-- How many rows a running import job expects, from the dimension its sheet declares (the last row it may reach, less
-- the header's): the portal shows a share of it while the job is still reading. NULL when the sheet declares none.

ALTER TABLE import_job ADD COLUMN rows_expected BIGINT NULL AFTER attempts;
