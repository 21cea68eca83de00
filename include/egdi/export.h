/**
 * @file export.h
 * @brief Symbol visibility and API tiers.
 *
 * Every public function is marked ::EGDI_API. Functions documented with
 * "@warning Experimental" (and marked ::EGDI_EXPERIMENTAL in the header) are
 * part of the experimental tier: they are exported and usable without any
 * feature macro, but their signatures and behaviour may change in a minor
 * release. Everything else follows the stability policy in docs/STABILITY.md.
 */
#ifndef EGDI_EXPORT_H
#define EGDI_EXPORT_H

#if defined(SWIG)
#  define EGDI_API
#elif defined(EGDI_BUILDING_LIBRARY) && defined(__GNUC__)
#  define EGDI_API __attribute__((visibility("default")))
#else
#  define EGDI_API
#endif

/** Marks an experimental function (documentation only; no effect on the compiler). */
#define EGDI_EXPERIMENTAL EGDI_API

#endif
