/**
 * @file published.h
 * @brief (being written)
 */
#ifndef EGDI_PUBLISHED_H
#define EGDI_PUBLISHED_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
