/* GLib, GObject and GIO functions bound by dev.bootcj.glib (classes GLib, GObject, Gio).
 * One prototype per line, as in the GLib 2.74 headers; checked by gcc against <glib.h>/<gio/gio.h>. */
#include <glib.h>
#include <glib-object.h>
#include <gio/gio.h>

/* @lib GLib libglib-2.0.so.0 */
void g_free (gpointer mem);
void g_strfreev (gchar **str_array);
void g_error_free (GError *error);
const gchar *g_quark_to_string (GQuark quark);
gboolean g_setenv (const gchar *variable, const gchar *value, gboolean overwrite);
GKeyFile *g_key_file_new (void);
void g_key_file_unref (GKeyFile *key_file);
gboolean g_key_file_load_from_data (GKeyFile *key_file, const gchar *data, gsize length, GKeyFileFlags flags, GError **error);
gchar *g_key_file_to_data (GKeyFile *key_file, gsize *length, GError **error);
gchar **g_key_file_get_groups (GKeyFile *key_file, gsize *length);
gchar **g_key_file_get_keys (GKeyFile *key_file, const gchar *group_name, gsize *length, GError **error);
gchar *g_key_file_get_value (GKeyFile *key_file, const gchar *group_name, const gchar *key, GError **error);
void g_key_file_set_value (GKeyFile *key_file, const gchar *group_name, const gchar *key, const gchar *value);
void g_key_file_set_string (GKeyFile *key_file, const gchar *group_name, const gchar *key, const gchar *string);
GPtrArray *g_ptr_array_new (void);
void g_ptr_array_add (GPtrArray *array, gpointer data);
void g_ptr_array_unref (GPtrArray *array);
void g_hash_table_iter_init (GHashTableIter *iter, GHashTable *hash_table);
gboolean g_hash_table_iter_next (GHashTableIter *iter, gpointer *key, gpointer *value);
void g_hash_table_unref (GHashTable *hash_table);
GVariant *g_variant_ref_sink (GVariant *value);
void g_variant_unref (GVariant *value);
gconstpointer g_variant_get_data (GVariant *value);
gsize g_variant_get_size (GVariant *value);
const gchar *g_variant_get_type_string (GVariant *value);
gsize g_variant_n_children (GVariant *value);
GVariant *g_variant_get_child_value (GVariant *value, gsize index_);
GVariant *g_variant_get_variant (GVariant *value);
const gchar *g_variant_get_string (GVariant *value, gsize *length);
gboolean g_variant_get_boolean (GVariant *value);
guchar g_variant_get_byte (GVariant *value);
gint32 g_variant_get_int32 (GVariant *value);
guint32 g_variant_get_uint32 (GVariant *value);
gint64 g_variant_get_int64 (GVariant *value);
guint64 g_variant_get_uint64 (GVariant *value);
gchar *g_variant_print (GVariant *value, gboolean type_annotate);
GVariant *g_variant_new_string (const gchar *string);
GVariant *g_variant_new_boolean (gboolean value);
GVariant *g_variant_new_uint32 (guint32 value);
GVariant *g_variant_new_uint64 (guint64 value);
GVariant *g_variant_new_int32 (gint32 value);
GVariant *g_variant_new_variant (GVariant *value);
GVariant *g_variant_new_array (const GVariantType *child_type, GVariant * const *children, gsize n_children);
GVariant *g_variant_new_dict_entry (GVariant *key, GVariant *value);
GVariant *g_variant_new_fixed_array (const GVariantType *element_type, gconstpointer elements, gsize n_elements, gsize element_size);
GVariant *g_variant_new_from_bytes (const GVariantType *type, GBytes *bytes, gboolean trusted);
GBytes *g_bytes_new (gconstpointer data, gsize size);
void g_bytes_unref (GBytes *bytes);

/* @lib GObject libgobject-2.0.so.0 */
gpointer (g_object_ref) (gpointer object); /* parenthesised: GLib defines a function-like macro of that name */
void g_object_unref (gpointer object);

/* @lib Gio libgio-2.0.so.0 */
GFile *g_file_new_for_path (const char *path);
GCancellable *g_cancellable_new (void);
void g_cancellable_cancel (GCancellable *cancellable);
gboolean g_output_stream_write_all (GOutputStream *stream, const void *buffer, gsize count, gsize *bytes_written, GCancellable *cancellable, GError **error);
GFileType g_file_info_get_file_type (GFileInfo *info);
goffset g_file_info_get_size (GFileInfo *info);
