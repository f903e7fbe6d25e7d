package com.assetcollections.query;

import java.util.function.LongFunction;
import org.jooq.Condition;

/**
 * One parsed filter, ready to become SQL for a given caller.
 *
 * @param name      the filter's name, as in {@code filter[name]}
 * @param canonical a stable text form of the filter (name, operator, value) used as a cache key
 * @param byCaller  whether the rows it keeps depend on who asks
 */
public record FilterClause(String name, String canonical, LongFunction<Condition> condition, boolean byCaller) {}
