#!/bin/sh
# forgejo-admin-init: one-shot that creates Forgejo's web administrator once,
# with the login bootstrap put in secret/forgejo (admin_username,
# admin_password, admin_email; docs/vault-contract.md). Safe to run any number
# of times: an existing admin of that name is left as it is (a password changed
# in Forgejo's UI stays changed).
#
# Runs in the Forgejo image as its user git (uid 1000, compose `user:`), on the
# forgejo service's data volume and its vault-agent files, after the server is
# healthy: `forgejo admin user ...` needs the database tables the server
# creates at its first start, and the app.ini it runs with.
set -eu
SECRETS=${FORGEJO_ADMIN_SECRETS:-/run/secrets/colima}
CONFIG=${FORGEJO_CONFIG:-/data/gitea/conf/app.ini}
FORGEJO=${FORGEJO_BIN:-forgejo}

log() { printf 'forgejo-admin-init: %s\n' "$*"; }

for f in admin_username admin_password admin_email; do
    if [ ! -s "$SECRETS/$f" ]; then
        log "$SECRETS/$f is missing: run 'colima-services vault bootstrap' (it adds the admin login to secret/forgejo), then restart vault-agent"
        exit 1
    fi
done
if [ ! -r "$CONFIG" ]; then
    log "$CONFIG is missing: has the forgejo service started?"
    exit 1
fi
username=$(cat "$SECRETS/admin_username")

# `admin user list` prints a header, then: ID Username Email IsActive IsAdmin 2FA.
if ! users=$("$FORGEJO" admin user list --config "$CONFIG"); then
    log "could not list Forgejo's users (see above)"
    exit 1
fi
row=$(printf '%s\n' "$users" | awk -v name="$username" 'NR > 1 && $2 == name { print; exit }')
if [ -n "$row" ]; then
    if [ "$(printf '%s\n' "$row" | awk '{ print $5 }')" = true ]; then
        log "admin $username exists: nothing to do"
        exit 0
    fi
    log "user $username exists but is no admin (registered before this step ran?): make it one in Forgejo (Site administration), or delete it and run this again"
    exit 1
fi

# The password is an argument: the CLI reads it from nowhere else. It is
# visible to this container's processes (only this one) while the command runs.
"$FORGEJO" admin user create --config "$CONFIG" --admin \
    --username "$username" \
    --email "$(cat "$SECRETS/admin_email")" \
    --password "$(cat "$SECRETS/admin_password")" \
    --must-change-password=false
log "created admin $username"
