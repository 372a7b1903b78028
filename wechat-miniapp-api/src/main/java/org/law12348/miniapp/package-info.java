/** JSON API of the WeChat and Alipay mini-programs. */
package org.law12348.miniapp;
