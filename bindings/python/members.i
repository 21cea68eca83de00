/* SWIG declarations of <egdi/members.h> and <egdi/published.h>: memberships
 * through time, user groups, and the published figures next to the recomputed
 * ones. egdi.compute() reaches egdi_survey_compute_published through
 * egdi_py_survey_compute_published below (its options as arguments). */

EGDI_HANDLE(egdi_memberships, egdi_memberships_free)
%apply (const char *const *labels, size_t n) { (const char *const *members, size_t n_members) };
%ignore egdi_memberships_read_buffer;
%ignore egdi_memberships_is_member;   /* out int: egdi_memberships_count covers Python's needs */
%ignore egdi_survey_compute_published; /* egdi_py_survey_compute_published */

%include "egdi/members.h"
%include "egdi/published.h"

%{
egdi_status egdi_py_survey_compute_published(int edition, const egdi_dataset *data,
                                             int quantile_type, int rank_decimals, double t0,
                                             double t1, double t2, egdi_dataset **out,
                                             const char *const *labels, size_t n,
                                             int allow_out_of_range, int component_ranks,
                                             int flags, int allow_edition_mismatch)
{
    egdi_survey_options o =
        egdi_py_survey_options(quantile_type, rank_decimals, t0, t1, t2, EGDI_IMPUTE_NONE,
                               NULL, allow_out_of_range, allow_edition_mismatch);
    o.rank_within = labels;
    o.n_rank_within = n;
    o.component_ranks = component_ranks;
    return egdi_survey_compute_published(edition, data, &o, (unsigned)flags, out);
}
%}
/** egdi_survey_compute_published with its options as arguments (as egdi_py_survey_compute):
 *  quantile type, rank decimals, thresholds, the label columns to rank within, the
 *  out-of-range override, the component ranks, the egdi_published_flags and the
 *  edition-mismatch override. */
egdi_status egdi_py_survey_compute_published(int edition, const egdi_dataset *data,
                                             int quantile_type, int rank_decimals, double t0,
                                             double t1, double t2, egdi_dataset **out,
                                             const char *const *labels, size_t n,
                                             int allow_out_of_range, int component_ranks,
                                             int flags, int allow_edition_mismatch = 0);
