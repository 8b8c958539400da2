# shellcheck shell=bash
# Runs once, when the mysql_data volume is initialised. The image's
# docker-entrypoint.sh sources it (keep this file non-executable and free of
# `set` options: they would leak into the entrypoint), after it has created the
# user and database from MYSQL_USER_FILE / MYSQL_DATABASE_FILE and granted that
# user ALL on the database.
#
# Adds: the dev user may create and drop its own scratch databases named dev_*
# (test suites like a throwaway schema) and read server status. Names come
# from the vault-agent files; no credential is written here.

colima_dev_user=$(cat /run/secrets/colima/username)
colima_grants="GRANT ALL PRIVILEGES ON \`dev\\_%\`.* TO '${colima_dev_user}'@'%';
GRANT PROCESS, REPLICATION CLIENT ON *.* TO '${colima_dev_user}'@'%';
FLUSH PRIVILEGES;"

if command -v docker_process_sql >/dev/null 2>&1; then
    # Sourced by the entrypoint: its helper talks to the init server as root.
    printf '%s\n' "$colima_grants" | docker_process_sql --database=mysql
else
    # Executed on its own (someone made it executable): same thing by hand.
    printf '%s\n' "$colima_grants" |
        MYSQL_PWD=$(cat /run/secrets/colima/root_password) \
        mysql --protocol=socket -uroot --database=mysql
fi
unset colima_dev_user colima_grants
