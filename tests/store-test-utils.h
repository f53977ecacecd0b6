/* store-test-utils.h: what the store tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "voc-store.h"

G_BEGIN_DECLS

/* A new store in its own temporary folder; @path_out, if not NULL, gets
 * the database's path. Fails the test if it cannot be opened. */
VocStore *test_store_new (char **path_out);

G_END_DECLS
