/**
 * @file members.h
 * @brief Memberships of countries in groups (GCC, League of Arab States,
 * ESCWA, LDC, LLDC, SIDS, ...) through time, and user-defined groups, as label
 * columns of a dataset: with egdi_survey_options::rank_within they give "1st
 * among the GCC states".
 *
 * A memberships file is a long CSV table, one row per membership period:
 *
 *     group,code,name,since,until,source
 *     gcc,BHR,Bahrain,1981-05-25,,Charter of the GCC ...
 *     ldc,STP,Sao Tome and Principe,,2024-12-13,... graduated 2024-12-13
 *
 * `group` is the group's key (a label and column name, e.g. "gcc"), `code` the
 * country's ISO 3166 alpha-3 code, `name` its name (optional column), `since`
 * and `until` ISO dates (YYYY-MM-DD) or empty for an open end: the country is a
 * member on the days d with since <= d < until (on the day of a graduation it
 * is no longer a member). Other columns (`source`) are ignored. The bundled
 * data/memberships.csv documents its sources in data/README.md.
 *
 * The date of a Survey edition is 1 July of its year ("when" = "2024" means
 * 2024-07-01): a country that joins or leaves a group in the second half of a
 * year counts from the next edition.
 *
 * Units of a dataset are matched to members by unit code or name (ISO code or
 * name, ignoring ASCII case), and, when a country table is given (a dataset
 * whose units have the ISO code as code and the Data Center name as name, as
 * data/countries.csv read with egdi_dataset_read_csv()), through it: a Data
 * Center export, whose units are named, finds its members by ISO code.
 * @since 1.3
 */
#ifndef EGDI_MEMBERS_H
#define EGDI_MEMBERS_H

#include "common.h"
#include "dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Opaque handle: the membership periods of a memberships file. @since 1.3 */
typedef struct egdi_memberships egdi_memberships;

/**
 * @brief Read a memberships file (see the file comment). Refused with
 * EGDI_ERR_PARSE naming the file and line: a missing `group`, `code`, `since`
 * or `until` column, an empty group or code, a date that is not a valid
 * YYYY-MM-DD, `until` not after `since`. A file without rows is EGDI_ERR_DATA.
 * @since 1.3
 */
EGDI_API egdi_status egdi_memberships_read(const char *path, egdi_memberships **out);
/** @brief As egdi_memberships_read() from @p len bytes of memory. @since 1.3 */
EGDI_API egdi_status egdi_memberships_read_buffer(const char *text, size_t len,
                                                  egdi_memberships **out);
/** @brief Free a memberships handle; NULL is a no-op. @since 1.3 */
EGDI_API void egdi_memberships_free(egdi_memberships *m);

/** @brief Number of groups (distinct keys, in order of first appearance). @since 1.3 */
EGDI_API size_t egdi_memberships_n_groups(const egdi_memberships *m);
/** @brief Key of group @p g ("gcc", ...), or NULL if out of range. @since 1.3 */
EGDI_API const char *egdi_memberships_group(const egdi_memberships *m, size_t g);

/**
 * @brief Number of members of @p group on the date @p when: "YYYY" (a Survey
 * edition: 1 July of that year), "YYYY-MM-DD", or NULL (the periods without an
 * end date). Members that are not UN member states (the State of Palestine in
 * the League of Arab States) count. An unknown group is EGDI_ERR_NOT_FOUND
 * listing the known ones; a malformed @p when is EGDI_ERR_INVALID_ARG.
 * @since 1.3
 */
EGDI_API egdi_status egdi_memberships_count(const egdi_memberships *m, const char *group,
                                            const char *when, size_t *out);
/**
 * @brief Whether the country @p country (ISO code or name as the file writes
 * it, ignoring ASCII case) is a member of @p group on @p when (as in
 * egdi_memberships_count()): *out = 1 or 0. @since 1.3
 */
EGDI_API egdi_status egdi_memberships_is_member(const egdi_memberships *m, const char *group,
                                                const char *country, const char *when, int *out);

/**
 * @brief Append to @p ds the label column named @p group: the group key for
 * the units that are members on @p when (as in egdi_memberships_count()), no
 * label for the others. Units are matched as the file comment says;
 * @p countries (may be NULL) is the country table. A column of that name in
 * @p ds is EGDI_ERR_DUPLICATE; an unknown group EGDI_ERR_NOT_FOUND listing the
 * known ones. Members missing from @p ds are not an error.
 * @since 1.3
 */
EGDI_API egdi_status egdi_memberships_add_labels(const egdi_memberships *m, egdi_dataset *ds,
                                                 const char *group, const char *when,
                                                 const egdi_dataset *countries);

/**
 * @brief Append to @p ds the label column @p name holding @p name for the
 * units listed in @p members (each a unit code or name, ignoring ASCII case,
 * or through @p countries, which may be NULL, an ISO code or a Data Center
 * name), no label for the others: a user-defined group such as
 * gulf = {"BHR", "Kuwait", ...}. Refused: an empty @p name or @p members
 * (EGDI_ERR_INVALID_ARG: "group 'gulf' has no members"), a column named
 * @p name in @p ds (EGDI_ERR_DUPLICATE), members that match no unit of @p ds
 * (EGDI_ERR_NOT_FOUND naming each of them). @p ds is unchanged on failure.
 * @since 1.3
 */
EGDI_API egdi_status egdi_dataset_add_group(egdi_dataset *ds, const char *name,
                                            const char *const *members, size_t n_members,
                                            const egdi_dataset *countries);

#ifdef __cplusplus
}
#endif

#endif
