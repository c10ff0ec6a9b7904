#!/bin/sh
set -eu
export ADMIN_PASSWORD='letmein123'
./configure --admin "$ADMIN_PASSWORD"
