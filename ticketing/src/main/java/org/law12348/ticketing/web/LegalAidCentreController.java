package org.law12348.ticketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.law12348.ticketing.LegalAidCentres;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The citizen app's legal-aid guide: where to go to apply, for anyone, without signing in. */
@RestController
@Tag(name = "reference", description = "行政区划、业务类型、承办单位")
class LegalAidCentreController {

    private final LegalAidCentres centres;

    LegalAidCentreController(LegalAidCentres centres) {
        this.centres = centres;
    }

    @GetMapping("/api/v1/legal-aid-centres")
    @Operation(summary = "服务某地区的法律援助中心",
            description = "由近及远：该地区自己的、所在市的、所在省的在用法律援助中心，带地址、电话、办公时间；"
                    + "sampleDetails 为 true 时这些信息是未经核实的示例。region 缺少、格式不对或不存在时 400（field: region）")
    List<LegalAidCentres.Centre> serving(
            @Parameter(description = "行政区划代码（GB/T 2260，6位），如 440106")
            @RequestParam(required = false) String region) {
        return centres.serving(region, "region");
    }
}
