/**
 * @file explain.h
 * @brief (being written)
 */
#ifndef EGDI_EXPLAIN_H
#define EGDI_EXPLAIN_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
