/** Load and latency benchmarks of the product, run on demand (see bench/README.md). */
package org.law12348.bench;
