package org.law12348.attachments.web;

import org.junit.jupiter.api.Test;
import org.law12348.attachments.AttachmentNotFoundException;
import org.law12348.ticketing.web.ApiProblems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A web slice (no database): the attachments module's refusals come from its own advice, ordered before
 * ticketing's {@link ApiProblems}, in the product's problem shape naming the field.
 */
@WebMvcTest(controllers = AttachmentProblemsTest.Uploads.class)
@AutoConfigureMockMvc(addFilters = false)
class AttachmentProblemsTest {

    @SpringBootConfiguration
    @Import({Uploads.class, ApiProblems.class, AttachmentProblems.class})
    static class Slice {
    }

    @RestController
    static class Uploads {

        @PostMapping("/uploads")
        String upload(@RequestPart("file") MultipartFile file) {
            return file.getOriginalFilename();
        }

        @GetMapping("/uploads/missing")
        String missing() {
            throw new AttachmentNotFoundException("GD20261208-000001", 42);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anUploadThatIsNoMultipartFormNamesTheFileField() throws Exception {
        mvc.perform(post("/uploads").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("field.required"))
                .andExpect(jsonPath("$.field").value("file"));
    }

    @Test
    void aMultipartFormWithoutItsFilePartNamesTheFileField() throws Exception {
        mvc.perform(multipart("/uploads").param("kind", "STAFF_DOCUMENT"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail").value("请以 multipart/form-data 上传文件（字段 file）"));
    }

    @Test
    void anAttachmentTheTicketDoesNotHaveIs404NamingIt() throws Exception {
        mvc.perform(get("/uploads/missing"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("attachment.notFound"))
                .andExpect(jsonPath("$.field").value("attachmentId"));
    }
}
