/* voc-chart-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "voc-chart-file.h"
#include "voc-level.h"
#include "voc-file.h"

typedef struct
{
  VocAtomicFile *file;
  GError        *error;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *bytes,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!voc_atomic_file_write (sink->file, bytes, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
voc_chart_file_save_radar (const VocRadarData   *data,
                           const VocRadarStyle  *style,
                           VocRadarFormat        format,
                           int                   size,
                           const char           *path,
                           GError              **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr (VocAtomicFile) file = NULL;
  g_autoptr (GError) local_error = NULL;
  Sink sink = { NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display_name = g_filename_display_name (path);
  if (!(file = voc_atomic_file_new (path, 0644, &local_error)))
    {
      g_set_error (error, G_IO_ERROR, local_error->code, _("Cannot write “%s”: %s"), display_name,
                   local_error->message);
      return FALSE;
    }

  sink.file = file;
  ok = voc_radar_export_to_stream (data, style, format, size, write_cb, &sink, &local_error) &&
       voc_atomic_file_commit (file, &local_error);
  if (!ok)
    {
      /* The reason a write failed (a full disk) before cairo's summary of it. */
      const GError *why = sink.error ? sink.error : local_error;

      g_set_error (error, G_IO_ERROR, why->code, _("Cannot write “%s”: %s"), display_name, why->message);
    }
  g_clear_error (&sink.error);
  return ok;
}

void
voc_chart_name_rings (VocRadarStyle *style)
{
  g_return_if_fail (style != NULL);

  for (int level = VOC_LEVEL_MIN; level <= VOC_LEVEL_MAX && level <= VOC_RADAR_MAX_LEVEL; level++)
    style->ring_labels[level] = voc_level_get_name ((VocLevel) level);
}
