/* voc-role-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "voc-role-text.h"

static int
display_width (const char *text)
{
  return (int) g_utf8_strlen (text, -1);
}

char *
voc_catalog_format_list (VocCatalog *catalog)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  int id_width = 2, name_width = 4;

  g_return_val_if_fail (VOC_IS_CATALOG (catalog), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VocRole) role = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      id_width = MAX (id_width, display_width (voc_role_get_id (role)));
      name_width = MAX (name_width, display_width (voc_role_get_name (role)));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VocRole) role = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      const char *name = voc_role_get_name (role);

      /* Pad by characters, not bytes, so accented names line up too. */
      g_string_append_printf (out, "%-*s  %s%*s  %s\n",
                              id_width, voc_role_get_id (role),
                              name, name_width - display_width (name), "",
                              voc_role_get_family (role));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_wrapped (GString    *out,
                const char *text,
                const char *indent,
                int         width)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  int column = 0;

  for (guint i = 0; words[i]; i++)
    {
      int w = display_width (words[i]);

      if (*words[i] == '\0')
        continue;
      if (column == 0)
        {
          g_string_append (out, indent);
          column = display_width (indent);
        }
      else if (column + 1 + w > width)
        {
          g_string_append_c (out, '\n');
          g_string_append (out, indent);
          column = display_width (indent);
        }
      else
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += w;
    }
  g_string_append_c (out, '\n');
}

char *
voc_role_format_text (VocRole *role)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (VOC_IS_ROLE (role), NULL);

  g_string_append_printf (out, "%s\n", voc_role_get_name (role));
  g_string_append_printf (out, _("Family: %s"), voc_role_get_family (role));
  g_string_append (out, "\n\n");
  append_wrapped (out, voc_role_get_summary (role), "", 78);

  for (guint g = 0; g < voc_role_get_n_groups (role); g++)
    {
      const VocRequirementGroup *group = voc_role_get_group (role, g);

      g_string_append_printf (out, "\n%s\n", g_dgettext (GETTEXT_PACKAGE, group->title));
      for (guint r = 0; r < group->requirements->len; r++)
        {
          VocRequirement *req = g_ptr_array_index (group->requirements, r);

          g_string_append_printf (out, "  %s: %s (%d)",
                                  g_dgettext (GETTEXT_PACKAGE, req->label),
                                  voc_level_get_name (req->level), req->level);
          if (req->qualifier)
            g_string_append_printf (out, _(", seed says “%s”"), req->qualifier);
          if (req->optional)
            g_string_append_printf (out, " [%s]", _("optional"));
          g_string_append_c (out, '\n');

          {
            g_autoptr (GString) skills = g_string_new (voc_skill_get_name (req->skill));

            for (guint a = 0; a < req->alternatives->len; a++)
              /* Translators: between two skills, either of which will do: "Python or R" */
              g_string_append_printf (skills, _(" or %s"),
                                      voc_skill_get_name (g_ptr_array_index (req->alternatives, a)));
            /* Translators: "Skill: Python or R (Programming & Software)": the skills and their area */
            g_string_append_printf (out, _("    Skill: %s (%s)\n"), skills->str, voc_skill_get_area_name (req->skill));
          }

          /* One line per detail, unwrapped, so each stays greppable. */
          for (guint d = 0; req->details[d]; d++)
            g_string_append_printf (out, "    - %s\n", g_dgettext (GETTEXT_PACKAGE, req->details[d]));
          if (req->note)
            /* Translators: why the catalog reads the role description so */
            g_string_append_printf (out, _("    Note: %s\n"), g_dgettext (GETTEXT_PACKAGE, req->note));
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
