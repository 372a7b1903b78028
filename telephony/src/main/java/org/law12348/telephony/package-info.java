/** The 12348 hotline on Asterisk: FastAGI IVR, AMI call events, callbacks. */
package org.law12348.telephony;
