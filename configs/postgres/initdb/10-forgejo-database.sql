-- Runs once, when the postgres_data volume is initialised, as the user from
-- secret/postgresql (POSTGRES_USER_FILE), who therefore owns the database.
-- Forgejo keeps its tables apart from dev_database.
CREATE DATABASE forgejo;
