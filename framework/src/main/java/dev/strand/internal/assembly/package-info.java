/** Not API. Turns an app's parts into a running handler at startup: scanning, controllers, middleware chains, the route table. */
package dev.strand.internal.assembly;
