/*
 * The keyboard of the entry form (new-entry.xhtml) and of the reversal form (entry.xhtml): what PrimeFaces leaves to
 * the page so that an entry can be keyed without the mouse.
 */
var HubEntryForm = (function ($) {
    'use strict';

    var analyticOpener = null;

    function byId(id) {
        return $(PrimeFaces.escapeClientId(id));
    }

    /* The date pickers' buttons are named in the page's language, from the form's data-calendar-label. */
    function nameCalendarButtons() {
        $('form[data-calendar-label]').each(function () {
            var label = $(this).attr('data-calendar-label');
            $(this).find('.ui-datepicker-trigger').attr({ 'aria-label': label, title: label });
        });
    }

    $(nameCalendarButtons);
    $(document).on('pfAjaxComplete', nameCalendarButtons);

    /*
     * Enter in a field of the entry form neither posts nor "clicks" the form's first button (the analytic button of
     * line 1, for the browser's implicit submission): posting is the post button's. In the analytic dialog Enter applies
     * it (p:defaultCommand), and an open list of suggestions takes Enter for itself.
     */
    $(document).on('keydown', '#entry input', function (event) {
        if (event.key === 'Enter' && !event.isDefaultPrevented() && $(this).closest('.ui-dialog').length === 0) {
            event.preventDefault();
        }
    });

    return {
        /* False for the second click of a double click, so that it does not post the emptied form again. */
        once: function (event) {
            return !(event && event.detail > 1);
        },

        /* After "add line": the new line's account. */
        focusLastLine: function () {
            byId('entry:lines_data').children('tr').last().find(':tabbable').first().trigger('focus');
        },

        /* After "split": the new share's value, in the dimension whose button added it. */
        focusLastShare: function (buttonId) {
            byId(buttonId).closest('fieldset').find('.hub-share-row').last().find(':tabbable').first()
                .trigger('focus');
        },

        /*
         * Opens the analytic dialog for the line whose button asked. Its id is kept because the button is not where
         * the focus was left: it was disabled during its request, and applying the dialog replaces it with the lines.
         */
        openAnalytic: function (openerId) {
            analyticOpener = openerId;
            PF('analyticDialog').show();
        },

        /* When the dialog closes (applied, cancelled, Escape), focus goes back to the line's analytic button. */
        returnFocus: function (dialog) {
            var openerId = analyticOpener;
            var opener = openerId && document.getElementById(openerId);
            if (opener) {
                // the element the dialog itself gives the focus back to, once it has closed
                dialog.focusedElementBeforeDialogOpened = opener;
            }
            if (openerId) {
                // and, whichever order the dialog's own focus handling runs in, the button once the dialog is gone
                // (found again by id: applying the dialog replaced it with the lines)
                setTimeout(function () {
                    var button = document.getElementById(openerId);
                    if (button && document.activeElement !== button) {
                        button.focus();
                    }
                }, 0);
            }
        }
    };
}(jQuery));
