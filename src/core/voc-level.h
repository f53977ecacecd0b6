/* voc-level.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The 0-5 scale of DESIGN.md: Dreyfus stages, one step finer than DIRECT. */
typedef enum
{
  VOC_LEVEL_NONE         = 0,
  VOC_LEVEL_AWARENESS    = 1,
  VOC_LEVEL_BEGINNER     = 2,
  VOC_LEVEL_PRACTITIONER = 3,
  VOC_LEVEL_ADVANCED     = 4,
  VOC_LEVEL_EXPERT       = 5,
} VocLevel;

#define VOC_LEVEL_MIN VOC_LEVEL_NONE
#define VOC_LEVEL_MAX VOC_LEVEL_EXPERT

/* The level a requirement expects when the seed qualifies it with nothing. */
#define VOC_LEVEL_UNQUALIFIED VOC_LEVEL_PRACTITIONER

typedef struct
{
  const char *phrase;   /* the seed's words, matched without regard to case */
  VocLevel    level;
  gboolean    optional; /* counted with a lower weight when matching */
} VocQualifier;

const char         *voc_level_get_name        (VocLevel     level);
const char         *voc_level_get_meaning     (VocLevel     level);
gboolean            voc_level_is_valid        (gint64       level);
/* "Beginner (2)": the level's name with its number, for captions and rows. */
char               *voc_level_format          (VocLevel     level);
const VocQualifier *voc_qualifier_lookup      (const char  *phrase);
const VocQualifier *voc_qualifier_get_all     (guint       *n_qualifiers);

G_END_DECLS
