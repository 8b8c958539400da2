# shellcheck shell=bash
# Runs once, when the mongodb_data volume is initialised. The image's
# docker-entrypoint.sh sources it (no `set` options here: they would leak into
# the entrypoint) after it has created the root user from
# MONGO_INITDB_ROOT_USERNAME_FILE / _PASSWORD_FILE in the admin database.
#
# Creates the application database named in secret/mongodb (dev_database) with
# a marker collection, so it exists before the first client writes to it. The
# user from secret/mongodb is that root user: connect with authSource=admin.

colima_db=$(cat /run/secrets/colima/database)
# "mongo" is the entrypoint's array: mongosh with host and root credentials.
# shellcheck disable=SC2154,SC2016 # $-expressions below are JavaScript
"${mongo[@]}" "$colima_db" --eval '
  db.getCollection("_colima").updateOne(
    { _id: "created" },
    { $setOnInsert: { at: new Date(), by: "colima-services initdb" } },
    { upsert: true }
  );
  print("database " + db.getName() + " ready");
'
unset colima_db
