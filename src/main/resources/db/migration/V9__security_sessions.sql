-- A user's credentials version: a portal session remembers the version it signed in with, and every request checks it
-- against this column, so changing the password (which moves it on) ends the user's other sessions on every node.
ALTER TABLE app_user ADD COLUMN credentials_version INT NOT NULL DEFAULT 0;
