/**
 * Serving the citizen app's web build: the uni-app client in {@code citizen-app/src} is built by this
 * module's Maven build with the machine's Node; this package only hands its page to browsers.
 */
package org.law12348.citizenapp;
