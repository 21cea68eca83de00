/**
 * @file output.h
 * @brief What the library's file writers will and will not replace.
 *
 * Every writer that takes a path (egdi_dataset_write_csv(),
 * egdi_dataset_write_json(), egdi_index_write_csv(), ...) writes atomically:
 * the data goes to a temporary file in the target's directory, which is
 * renamed over the target only once it is completely written and flushed.
 * A failed write leaves the target as it was and removes the temporary file.
 * Where the file system allows (Linux, O_TMPFILE) the temporary file has no
 * name until it is complete, so even a process killed while writing leaves
 * nothing behind.
 *
 * The target may be:
 * - a new path in an existing directory: the file is created with mode 0666
 *   minus the process's umask;
 * - an existing regular file that the process may write: it is replaced and
 *   keeps its permission mode (and, where the process may set them, its owner
 *   and group);
 * - a symbolic link to such a file: the link is kept and the file it points
 *   to is replaced.
 *
 * Anything else (a directory, FIFO, socket, character or block device such as
 * /dev/null, a dangling link, a path in a missing directory) is refused with
 * EGDI_ERR_IO and a message naming the path, before anything is written.
 */
#ifndef EGDI_OUTPUT_H
#define EGDI_OUTPUT_H

#include <stdio.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Check, before any long work, that the writers would accept @p path
 * (see above) and that it is none of the @p n_inputs files @p inputs: the
 * same file reached through another name, a symbolic link or a hard link
 * counts as the same. Input paths that do not exist are ignored.
 * @return EGDI_OK, or EGDI_ERR_IO with a message naming @p path (and the
 * input it would overwrite). @since 1.2
 */
EGDI_API egdi_status egdi_output_check(const char *path, const char *const *inputs,
                                       size_t n_inputs);

/** @brief An output file being written atomically (egdi_output_open()). */
typedef struct egdi_output egdi_output;

/**
 * @brief Start writing @p path atomically, by the rule above, for output the
 * library has no writer for (a report, a JSON document of the caller's own):
 * write to egdi_output_stream(), then egdi_output_commit() to put the file in
 * place or egdi_output_abort() to drop it. A target the rule refuses is
 * EGDI_ERR_IO naming the path, and nothing is created. @since 1.3
 */
EGDI_API egdi_status egdi_output_open(const char *path, egdi_output **out);
/** @brief The stream to write to (owned by @p out; do not close it). @since 1.3 */
EGDI_API FILE *egdi_output_stream(egdi_output *out);
/**
 * @brief Flush, then rename the complete file over the target and free
 * @p out (also on failure: then the target is unchanged, no temporary is
 * left, and the status is EGDI_ERR_IO naming the path). A write error seen
 * on the stream fails the commit. @since 1.3
 */
EGDI_API egdi_status egdi_output_commit(egdi_output *out);
/** @brief Drop the output: the target is unchanged; frees @p out. NULL is a no-op. @since 1.3 */
EGDI_API void egdi_output_abort(egdi_output *out);

#ifdef __cplusplus
}
#endif

#endif
